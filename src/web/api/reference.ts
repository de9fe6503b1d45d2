import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './client';
import type { Stage, Taxonomy } from './types';

// The taxonomy is a fixed published list: fetch it once per page load.
let taxonomy: Promise<Taxonomy> | null = null;

export function useTaxonomy(): Taxonomy | undefined {
  const [value, setValue] = useState<Taxonomy>();
  useEffect(() => {
    taxonomy ??= api.get<Taxonomy>('/api/reference/taxonomy');
    let live = true;
    taxonomy.then((t) => live && setValue(t)).catch(() => (taxonomy = null));
    return () => {
      live = false;
    };
  }, []);
  return value;
}

/** Names of stages, sectors and partnership types in the reader's language (the API names them in English). */
export function useVocabulary() {
  const { t } = useTranslation();
  return {
    stage: (id: string, english?: string) => t(`stages.${id}`, { defaultValue: english ?? id }),
    sector: (id: string) => t(`sectors.${id}`, { defaultValue: id }),
    partnership: (id: string) => t(`partnerships.${id}`, { defaultValue: id }),
  };
}

/** Stages grouped by sector, in the taxonomy's order. */
export function stagesBySector(stages: readonly Stage[]): [string, Stage[]][] {
  const groups = new Map<string, Stage[]>();
  for (const stage of stages) groups.set(stage.sector, [...(groups.get(stage.sector) ?? []), stage]);
  return [...groups.entries()];
}
