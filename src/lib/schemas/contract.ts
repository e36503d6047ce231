/** The files of the export contract (§1), in the order the pipeline reads them. */
import { commitmentFile } from './commitment.ts';
import { dishonestFile } from './dishonest.ts';
import { enforcementFile } from './enforcement.ts';
import { honorFile } from './honor.ts';
import { penaltyFile } from './penalty.ts';
import { subjectFile } from './subject.ts';

/** subjects.csv comes first: every other file refers to it. */
export const CONTRACT_FILES = [
  { kind: 'subjects', definition: subjectFile, required: true },
  { kind: 'commitments', definition: commitmentFile, required: true },
  { kind: 'penalties', definition: penaltyFile, required: false },
  { kind: 'enforcement', definition: enforcementFile, required: false },
  { kind: 'dishonest', definition: dishonestFile, required: false },
  { kind: 'honors', definition: honorFile, required: false },
] as const;

/** Record kinds that have their own disclosure pages. */
export type RecordKind = 'commitments' | 'penalties' | 'enforcement' | 'dishonest' | 'honors';

/** Column headers that hold personal identity numbers: ignored, and named as such in warnings. */
export const IDENTITY_NUMBER_HEADER = /证件号|身份证|证照号码/;
