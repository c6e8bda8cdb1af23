/**
 * The department workbooks (tests/render/workbook-suite.ts) on departments that cover every case of
 * the layout: a metropolitan department with its region and court (01, also the Séries sheet's),
 * Corsica (2A, 2B), Paris, an overseas department whose region and court are itself alone (973),
 * one whose region is itself but whose court also covers Mayotte (974), Mayotte (976), and
 * departments whose change is secret (05, 971). All 101: tests/e2e/workbook-all.test.ts.
 */
import { workbookTests } from './workbook-suite.ts';

workbookTests(['01', '05', '2A', '2B', '75', '971', '973', '974', '976']);
