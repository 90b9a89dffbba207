/**
 * Writes the terminology table of src/data/terminology.ts into CONTRIBUTING.md
 * between its markers; tests/unit/terminology.test.ts fails while they differ.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {terminology} from '../src/data/terminology';
import {validateTerminology} from '../src/data/terminology.schema';
import {ROOT} from './lib/docs';
import {TABLE_END, TABLE_START, terminologyTable} from './lib/terminology';

const file = path.join(ROOT, 'CONTRIBUTING.md');
const doc = readFileSync(file, 'utf8');
const start = doc.indexOf(TABLE_START);
const end = doc.indexOf(TABLE_END);
if (start < 0 || end < start) throw new Error(`CONTRIBUTING.md: the markers ${TABLE_START} and ${TABLE_END} are missing`);
const table = terminologyTable(validateTerminology(terminology));
writeFileSync(file, `${doc.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${doc.slice(end)}`);
