import { RESOURCES } from '../../../src/web/i18n/resources';

export type Language = keyof typeof RESOURCES;

/**
 * What a label reads in a language, from the app's own translation files, so the tests find buttons
 * and headings the way a reader of that language does. `{{name}}` placeholders are filled in.
 */
export function words(language: Language, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = RESOURCES[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no text "${key}" in the ${language} texts`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
