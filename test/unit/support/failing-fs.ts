/**
 * Preloaded with `node --import` to make a run fail where no input could: listing the
 * export folder throws an error nobody foresaw. Tests that validate still writes its
 * report and exits 2 on such a fault.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

fs.readdirSync = (() => {
  throw new RangeError('simulated fault 13912345678');
}) as typeof fs.readdirSync;
syncBuiltinESMExports();
