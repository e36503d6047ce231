/** The files of the export contract (§1), in the order the pipeline reads them. */
import { commitmentFile } from './commitment.ts';
import { dishonestFile } from './dishonest.ts';
import { enforcementFile } from './enforcement.ts';
import { honorFile } from './honor.ts';
import { penaltyFile } from './penalty.ts';
import { subjectFile } from './subject.ts';

/** Each contract file by record kind, and whether an export must have it. */
export const CONTRACT = {
  /** subjects.csv comes first: every other file refers to it. */
  subjects: { definition: subjectFile, required: true },
  commitments: { definition: commitmentFile, required: true },
  penalties: { definition: penaltyFile, required: false },
  enforcement: { definition: enforcementFile, required: false },
  dishonest: { definition: dishonestFile, required: false },
  honors: { definition: honorFile, required: false },
} as const;

export const CONTRACT_FILES = (Object.keys(CONTRACT) as (keyof typeof CONTRACT)[]).map((kind) => ({ kind, ...CONTRACT[kind] }));

/** Record kinds that have their own disclosure pages. */
export type RecordKind = Exclude<keyof typeof CONTRACT, 'subjects'>;

/** Column headers that hold personal identity numbers: ignored, and named as such in warnings. */
export const IDENTITY_NUMBER_HEADER = /证件号|身份证|证照号码/;
