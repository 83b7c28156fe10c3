/**
 * The one registry of pipeline stages. A config names stages by these keys; adding a
 * stage is one line here.
 */
import type { StageDefinition } from '../core/stage.js';
import { datesStage } from './dates/index.js';
import { languageStage } from './language.js';
import { latinEntitiesStage } from './latin-entities.js';
import { moneyStage } from './money/index.js';
import { normaliseStage } from './normalise.js';
import { norpStage } from './norp/index.js';
import { numbersStage } from './numbers/index.js';
import { organisationsStage } from './organisations/index.js';
import { personsStage } from './persons/index.js';
import { placesStage } from './places/index.js';
import { sentencesStage } from './sentences.js';
import { tokeniseStage } from './tokenise.js';

export const STAGES: Readonly<Record<string, StageDefinition>> = {
  normalise: normaliseStage,
  language: languageStage,
  tokenise: tokeniseStage,
  sentences: sentencesStage,
  numbers: numbersStage,
  money: moneyStage,
  dates: datesStage,
  places: placesStage,
  organisations: organisationsStage,
  'latin-entities': latinEntitiesStage,
  norp: norpStage,
  persons: personsStage,
};
