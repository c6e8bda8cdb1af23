/**
 * Who was asked and who answered, per survey and department, for one year: the register of known
 * services (`data-raw/reference/services.csv`: the CNAF list of approved mediation services, the
 * Justice list of espaces de rencontre) against the services whose return was usable.
 *
 * The published figures are sums over respondents (no imputation): this is what the notes, the
 * response-rate table and the marks `-` (no service of that kind) and `nd` (known services, none
 * usable) are built from.
 */
export type Survey = 'mediation' | 'rencontre';

/** One row of the register: a service known to exist in a year. */
export interface KnownService {
  year: number;
  survey: Survey;
  service: string;
  department: string;
  sites: number;
  /**
   * date (AAAA-MM-JJ) of the service's agreement to the publication of its own activity, means and
   * financing figures (law of 7 June 1951); absent: no agreement
   */
  consent?: string;
}

export interface DepartmentCoverage {
  /** services known to exist (register), or respondents when there is no register */
  known: readonly string[];
  /** services whose return was usable (at least one accepted row) */
  respondents: readonly string[];
}

export interface SurveyCoverage {
  /** false: no register for this year and survey — known services are the respondents */
  fromRegister: boolean;
  /** department code → its services; departments without any are absent */
  departments: ReadonlyMap<string, DepartmentCoverage>;
  /**
   * services of the register that agreed to the publication of their own figures this year (sorted;
   * absent or empty: none). The business rules of the protection treat their contributions as known.
   */
  consenting?: readonly string[];
}

export type YearCoverage = Readonly<Record<Survey, SurveyCoverage>>;

/**
 * How a territory stands for a survey:
 * - `none`: no known service of that kind (shown `-`, nothing by nature);
 * - `nd`: known services, none usable (shown `nd`, not available);
 * - `partial`: some known services did not answer (figures on respondents, rate below 100 %);
 * - `full`: every known service answered.
 */
export type Availability = 'none' | 'nd' | 'partial' | 'full';
