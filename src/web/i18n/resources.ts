import en from './en.json';
import ur from './ur.json';
import zh from './zh.json';
import agendasEn from './sections/agendas.en.json';
import agendasUr from './sections/agendas.ur.json';
import agendasZh from './sections/agendas.zh.json';
import demandEn from './sections/demand.en.json';
import demandUr from './sections/demand.ur.json';
import demandZh from './sections/demand.zh.json';
import newEventEn from './sections/newEvent.en.json';
import newEventUr from './sections/newEvent.ur.json';
import newEventZh from './sections/newEvent.zh.json';
import outcomesEn from './sections/outcomes.en.json';
import outcomesUr from './sections/outcomes.ur.json';
import outcomesZh from './sections/outcomes.zh.json';
import trackerEn from './sections/tracker.en.json';
import trackerUr from './sections/tracker.ur.json';
import trackerZh from './sections/tracker.zh.json';
import trainingEn from './sections/training.en.json';
import trainingUr from './sections/training.ur.json';
import trainingZh from './sections/training.zh.json';

/**
 * Every text of the app by language. The shared words live in `<language>.json`; each larger area
 * keeps its own files in `sections/`, named `<section>.<language>.json` and read as `t('<section>.…')`.
 */
export const RESOURCES = {
  en: { ...en, agendas: agendasEn, demand: demandEn, newEvent: newEventEn, outcomes: outcomesEn, tracker: trackerEn, training: trainingEn },
  ur: { ...ur, agendas: agendasUr, demand: demandUr, newEvent: newEventUr, outcomes: outcomesUr, tracker: trackerUr, training: trainingUr },
  zh: { ...zh, agendas: agendasZh, demand: demandZh, newEvent: newEventZh, outcomes: outcomesZh, tracker: trackerZh, training: trainingZh },
};
