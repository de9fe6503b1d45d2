import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../domain/errors';
import { certificateIssuedMail, render } from '../../domain/mail/templates';
import { certificateCode, certificatePdf, normaliseCode } from '../../domain/training/certificate';
import type { Database, Executor } from '../../storage/db';
import { certificates, programmes, registrations } from '../../storage/schema';
import type { Actor } from '../actor';
import { authorize, baseRelations } from '../access';
import { recordAudit } from '../events';
import { enqueueMail } from '../mail/enqueue';
import { accessProgramme } from './access';
import { links } from './notices';
import { programmeEnd, sessionsOf } from './places';

/**
 * Issues certificates to every confirmed registrant who attended enough sessions and has none yet,
 * once the programme is over, and e-mails each their link. Issuing again only adds people whose
 * attendance was recorded since.
 */
export async function issueCertificates(db: Database, actor: Actor, reference: string, publicUrl: string, now = new Date(), random: (n: number) => Uint8Array = crypto.randomBytes) {
  return db.transaction(async (tx) => {
    const { programme, relations } = await accessProgramme(tx, actor, reference, { lock: true });
    authorize(actor, 'certificate.issue', relations);
    const sessions = await sessionsOf(tx, programme.id);
    const held = sessions.filter((s) => !s.cancelledAt);
    const end = programmeEnd(sessions);
    if (!end) throw new AppError('CONFLICT', 'no session of this programme was held');
    if (end > now) throw new AppError('CONFLICT', `certificates are issued after the last session ends (${end.toISOString()})`);
    const required = Math.min(programme.certificateMinSessions ?? held.length, held.length);
    const attendedCount = sql<number>`(select count(*)::int from session_attendance a join programme_sessions s on s.id = a.session_id
      where a.registration_id = registrations.id and a.present and s.cancelled_at is null)`;
    const people = await tx
      .select({ registration: registrations, attended: attendedCount, hasCertificate: sql<boolean>`exists (select 1 from certificates c where c.registration_id = registrations.id)` })
      .from(registrations)
      .where(and(eq(registrations.programmeId, programme.id), eq(registrations.status, 'confirmed')));
    let issued = 0;
    for (const { registration, attended, hasCertificate } of people) {
      if (hasCertificate || Number(attended) < required) continue;
      const values = {
        registrationId: registration.id,
        programmeId: programme.id,
        holderName: registration.nameLatin ?? registration.name,
        programmeTitle: programme.title,
        organisedBy: programme.organisedBy,
        sessionsAttended: Number(attended),
        sessionsHeld: held.length,
        heldFrom: held[0]!.startsAt,
        heldUntil: end,
        issuedAt: now,
      };
      // 60 random bits: a collision is astronomically unlikely, but a retry costs nothing.
      let code = certificateCode(random(8));
      while ((await tx.insert(certificates).values({ ...values, code }).onConflictDoNothing({ target: certificates.code }).returning()).length === 0) {
        code = certificateCode(random(8));
      }
      await enqueueMail(
        tx,
        registration.email,
        'training-certificate',
        render(certificateIssuedMail, registration.language, {
          name: registration.name,
          programme: programme.title,
          code,
          pdf: links.certificatePdf(publicUrl, code),
          verify: links.certificatePage(publicUrl, code),
        }),
      );
      issued++;
    }
    const already = people.filter((p) => p.hasCertificate).length;
    await recordAudit(tx, actor, programme.eventId, 'programme.certificates.issued', { programmeId: programme.id, issued });
    return { issued, alreadyIssued: already, notQualified: people.length - issued - already, sessionsRequired: required };
  });
}

async function findCertificate(db: Executor, actor: Actor, code: string) {
  authorize(actor, 'certificate.verify', baseRelations(actor));
  const normalised = normaliseCode(code);
  if (!normalised) throw notFound(`Certificate "${code}"`);
  const [row] = await db
    .select({ certificate: certificates, slug: programmes.slug, timeZone: programmes.timeZone })
    .from(certificates)
    .innerJoin(programmes, eq(programmes.id, certificates.programmeId))
    .where(eq(certificates.code, normalised));
  if (!row) throw notFound(`Certificate "${code}"`);
  return row;
}

/** What anyone holding a certificate's code may check: who, which programme, when. */
export async function verifyCertificate(db: Executor, actor: Actor, code: string, publicUrl: string) {
  const { certificate: c, slug, timeZone } = await findCertificate(db, actor, code);
  return {
    code: c.code,
    valid: true,
    holderName: c.holderName,
    programme: { id: c.programmeId, slug, title: c.programmeTitle, organisedBy: c.organisedBy, timeZone },
    heldFrom: c.heldFrom,
    heldUntil: c.heldUntil,
    sessionsAttended: c.sessionsAttended,
    sessionsHeld: c.sessionsHeld,
    issuedAt: c.issuedAt,
    pdfUrl: links.certificatePdf(publicUrl, c.code),
  };
}

export async function certificateFile(db: Executor, actor: Actor, code: string, publicUrl: string): Promise<{ code: string; pdf: Uint8Array }> {
  const { certificate: c, timeZone } = await findCertificate(db, actor, code);
  const pdf = certificatePdf({ ...c, timeZone, verifyUrl: links.certificatePage(publicUrl, c.code) });
  return { code: c.code, pdf };
}
