/**
 * A service belongs to one department. Its department is the register's when the register of known
 * services lists it (`data-raw/reference/services.csv`), otherwise the one its row declares; and a
 * return may only declare services of its sending office: the CAF's department for `caf-NN-…`, the
 * departments of the court for `ca-<court>…`. A file named otherwise is not checked against a sender.
 * A row that breaks this is rejected (a return claiming another CAF's service would otherwise take
 * its place), its reason naming the file that holds the service when there is one.
 *
 * @example
 *   senderDepartments('returns/2025/mediation/caf-2a-corse-du-sud.csv', geography); // Set { "2A" }
 */
import type { Geography } from '../model/geography.ts';
import { registerKey, type ServiceRegister } from '../ingest/services-register.ts';
import type { Dictionary } from './dictionary.ts';
import { reasons } from './messages.ts';

/** The departments a return may speak for, from its file name; undefined when the name says nothing. */
export function senderDepartments(path: string, geography: Geography): { label: string; codes: ReadonlySet<string> } | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const caf = /^caf-(\d{2,3}|2a|2b)(?=[-_.])/.exec(name);
  if (caf) {
    const code = caf[1].toUpperCase();
    return { label: reasons.cafSender(code), codes: new Set([code]) };
  }
  const court = /^ca-([a-z-]+?)(?:-\d+)?\.[a-z]+$/.exec(name);
  if (court) {
    const code = `CA-${court[1].toUpperCase()}`;
    const codes = new Set(geography.departments.filter((d) => d.court === code).map((d) => d.code));
    return { label: reasons.courtSender(geography.labels[code] ?? code), codes };
  }
  return undefined;
}

/** Why this row's service is not this return's to declare, if it is not (the reason takes the file that holds it). */
export function ownershipProblem(
  row: Readonly<Record<string, unknown>>,
  dictionary: Dictionary,
  sender: { label: string; codes: ReadonlySet<string> } | undefined,
  register: ServiceRegister,
  year: number,
): { reason: (owner?: string) => string } | undefined {
  const declared = String(row.departement);
  const idField = dictionary.key.find((field) => dictionary.fields[field]?.type === 'id');
  const registered = idField !== undefined ? register.get(registerKey(year, dictionary.survey, String(row[idField]))) : undefined;
  if (registered !== undefined && registered !== declared) return { reason: (owner) => reasons.registeredElsewhere(declared, registered, owner) };
  const department = registered ?? declared;
  if (sender !== undefined && !sender.codes.has(department)) return { reason: (owner) => reasons.foreignService(department, sender.label, owner) };
  return undefined;
}
