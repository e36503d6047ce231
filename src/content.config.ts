import { defineCollection } from 'astro:content';
import { casesLoader } from './content/export-loader.ts';

export const collections = {
  cases: defineCollection({ loader: casesLoader() }),
};
