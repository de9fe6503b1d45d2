import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { Loading, Problem } from '../components/feedback';
import { TextField } from '../components/fields';
import { Page } from '../components/page';
import { Link, navigate } from '../router';
import { dayName } from '../time';
import type { Certificate } from './types';

/** Anyone can check a certificate by the code printed on it (an employer, a visa office). */
export function CertificatePage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(code ?? '');
  const certificate = useApi<Certificate>(code ? `/api/certificates/${encodeURIComponent(code)}` : null);

  const check = (e: FormEvent) => {
    e.preventDefault();
    const wanted = typed.trim().toUpperCase();
    if (wanted) navigate(`/certificates/${encodeURIComponent(wanted)}`);
  };

  return (
    <Page title={t('training.certificate.title')} className="narrow training-certificate">
      <form className="card form" onSubmit={check} role="search">
        <TextField
          label={t('training.certificate.code')}
          dir="ltr"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          required
          maxLength={40}
          pattern="[A-Za-z0-9 \-]{1,40}"
          autoComplete="off"
          hint={t('training.certificate.codeHint')}
        />
        <div className="buttons">
          <button type="submit" className="button-primary">
            {t('training.certificate.check')}
          </button>
        </div>
      </form>
      {code ? <Result code={code} certificate={certificate.data} error={certificate.error} loading={certificate.loading} /> : null}
    </Page>
  );
}

function Result({ code, certificate, error, loading }: { code: string; certificate: Certificate | undefined; error: ApiError | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading) return <Loading />;
  if (error?.code === 'NOT_FOUND' || error?.code === 'VALIDATION') {
    return (
      <div className="problem" role="alert">
        <p>{t('training.certificate.none', { code })}</p>
      </div>
    );
  }
  if (error) return <Problem error={error} />;
  if (!certificate) return null;
  const held = (instant: string) => dayName(instant, certificate.programme.timeZone);
  return (
    <section className="card training-certificate-result" aria-labelledby="certificate-result">
      <h2 id="certificate-result">
        <span className="state state-accepted">{t('training.certificate.valid')}</span>
      </h2>
      <dl className="facts">
        <dt>{t('training.certificate.code')}</dt>
        <dd dir="ltr" className="code">
          {certificate.code}
        </dd>
        <dt>{t('training.certificate.holder')}</dt>
        <dd dir="auto">{certificate.holderName}</dd>
        <dt>{t('training.certificate.programme')}</dt>
        <dd>
          <Link to={`/programmes/${certificate.programme.slug}`}>{certificate.programme.title}</Link>
        </dd>
        {certificate.programme.organisedBy.length > 0 ? (
          <>
            <dt>{t('training.certificate.organisedBy')}</dt>
            <dd>{certificate.programme.organisedBy.join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        <dt>{t('training.certificate.held')}</dt>
        <dd>{held(certificate.heldFrom) === held(certificate.heldUntil) ? held(certificate.heldFrom) : `${held(certificate.heldFrom)} – ${held(certificate.heldUntil)}`}</dd>
        <dt>{t('training.certificate.attended')}</dt>
        <dd>{t('training.certificate.attendedValue', { attended: certificate.sessionsAttended, held: certificate.sessionsHeld })}</dd>
        <dt>{t('training.certificate.issued')}</dt>
        <dd>{held(certificate.issuedAt)}</dd>
      </dl>
      <p>
        <a className="button" href={`/api/certificates/${encodeURIComponent(certificate.code)}/certificate.pdf`}>
          {t('training.certificate.download')}
        </a>
      </p>
    </section>
  );
}
