import { countryName, parseCountry } from '../countries';
import { AppError, validation } from '../errors';

/** The questions a programme may ask at registration; `allowed` turns a question into a rule. */
export const QUESTION_KEYS = ['country', 'organisation', 'role'] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

export interface EligibilityQuestion {
  key: QuestionKey;
  required: boolean;
  /** Countries (ISO codes) or roles that may register; absent means any answer. */
  allowed?: string[];
}

export type Answers = Partial<Record<QuestionKey, string | null | undefined>>;

/** Checks and normalises the organiser's questions: countries become ISO codes, one question per key. */
export function planQuestions(questions: EligibilityQuestion[]): EligibilityQuestion[] {
  const seen = new Set<QuestionKey>();
  return questions.map((q, i) => {
    if (seen.has(q.key)) throw validation(`questions.${i}.key`, `"${q.key}" is asked twice`);
    seen.add(q.key);
    if (q.allowed === undefined || q.allowed.length === 0) return { key: q.key, required: q.required };
    if (q.key === 'organisation') throw validation(`questions.${i}.allowed`, 'an organisation question takes any answer');
    const allowed = q.allowed.map((value, j) => {
      if (q.key !== 'country') return value.trim();
      const code = parseCountry(value);
      if (!code) throw validation(`questions.${i}.allowed.${j}`, `"${value}" is not a country`);
      return code;
    });
    // An answer limited to a list must be given, or anyone could skip the rule.
    return { key: q.key, required: true, allowed };
  });
}

const sameRole = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Checks a registrant's answers against the programme's questions. Returns the answers to store
 * (country as an ISO code, the role spelled as the organiser spelled it); answers to questions the
 * programme does not ask are kept as given.
 */
export function checkAnswers(questions: EligibilityQuestion[], answers: Answers): Record<QuestionKey, string | null> {
  const result: Record<QuestionKey, string | null> = {
    country: answers.country?.trim() || null,
    organisation: answers.organisation?.trim() || null,
    role: answers.role?.trim() || null,
  };
  if (result.country) {
    const code = parseCountry(result.country);
    if (!code) throw validation('country', `"${result.country}" is not a country`);
    result.country = code;
  }
  for (const q of questions) {
    const answer = result[q.key];
    if (!answer) {
      if (q.required) throw validation(q.key, `is required for this programme`);
      continue;
    }
    if (!q.allowed) continue;
    if (q.key === 'country' && !q.allowed.includes(answer)) {
      const names = q.allowed.map((c) => countryName(c));
      throw new AppError('RULE_VIOLATED', `This programme is open to participants from ${names.join(', ')} only.`, 'country');
    }
    if (q.key === 'role') {
      const match = q.allowed.find((r) => sameRole(r, answer));
      if (!match) throw new AppError('RULE_VIOLATED', `This programme is open to: ${q.allowed.join(', ')}.`, 'role');
      result.role = match;
    }
  }
  return result;
}
