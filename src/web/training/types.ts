/**
 * Shapes of the training API's answers, taken type-only from the services that produce them, so a
 * changed answer is a compile error here (as in ../api/types.ts).
 */
import type { verifyCertificate } from '../../services/training/certificates';
import type { getProgramme, listProgrammes } from '../../services/training/programmes';
import type { getRegistration, RegistrationOutcome } from '../../services/training/registrations';
import type { Json } from '../api/types';

type Answer<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

export type Programme = Answer<typeof getProgramme>;
export type ProgrammeSession = Programme['sessions'][number];
export type ProgrammeSummary = Answer<typeof listProgrammes>[number];
export type OwnRegistration = Answer<typeof getRegistration>;
export type Certificate = Answer<typeof verifyCertificate>;
export type { RegistrationOutcome };
export interface Cancellation {
  status: 'cancelled';
  promoted: number;
}
