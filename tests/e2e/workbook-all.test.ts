/** The department workbooks (tests/render/workbook-suite.ts) of all 101 departments. */
import { workbookTests } from '../render/workbook-suite.ts';

workbookTests(null);
