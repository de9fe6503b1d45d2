import type { KnownCodes } from '../domain/profile-rules';
import { codeCatalog } from './code-catalog';

export function knownCodes(): KnownCodes {
  const { hs, isic } = codeCatalog();
  return { hs: (code) => hs.has(code), isic: (code) => isic.has(code) };
}
