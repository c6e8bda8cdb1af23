/**
 * The properties of `protect` on random small tables (tests/protect/properties.ts), over the seeds
 * `make unit` leaves out: together the two suites run every seed they ran before the split.
 */
import { describeProperties } from '../protect/properties.ts';

describeProperties({ table: [3, 8], cube: [6, 20], linked: [6, 20] });
