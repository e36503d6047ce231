import { defineCollection } from 'astro:content';
import { exportLoader } from './content/export-loader.ts';

export const collections = {
  subjects: defineCollection({ loader: exportLoader('subjects') }),
  commitments: defineCollection({ loader: exportLoader('commitments') }),
  penalties: defineCollection({ loader: exportLoader('penalties') }),
  enforcement: defineCollection({ loader: exportLoader('enforcement') }),
  dishonest: defineCollection({ loader: exportLoader('dishonest') }),
  honors: defineCollection({ loader: exportLoader('honors') }),
  cases: defineCollection({ loader: exportLoader('cases') }),
  withheld: defineCollection({ loader: exportLoader('withheld') }),
  attachments: defineCollection({ loader: exportLoader('attachments') }),
  exportInfo: defineCollection({ loader: exportLoader('exportInfo') }),
  governanceHistory: defineCollection({ loader: exportLoader('governanceHistory') }),
};
