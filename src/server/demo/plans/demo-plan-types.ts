/** The shape of a demo plan transcribed from a seed document (units by code, or a free-text name). */
export interface DemoReport {
  status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
  progress: number;
  note: string;
  /** yyyy-mm-dd of the (synthetic) report. */
  on: string;
  /** Demo username of the reporter (synthetic), null for the Sở's staff at large. */
  by: string | null;
}

export interface DemoTask {
  code: string;
  section: string;
  parent?: string;
  content: string;
  /** A unit code (QNG.…, KTM.…) or a name outside the tree. */
  lead: string;
  coordinators?: string[];
  start: string | null;
  end: string | null;
  period: string | null;
  outputs?: string;
  counted?: boolean;
  budgetNote?: string;
  /** [year, source code, million VND] */
  budgets?: [number, string, number][];
  reports?: DemoReport[];
}

export interface DemoPlan {
  key: string;
  number: string | null;
  issuedOn: string | null;
  unitCode: string;
  title: string;
  yearFrom: number;
  yearTo: number;
  summary: string;
  legalBases: { number: string; date: string | null; issuer: string; title: string }[];
  sections: { code: string; title: string }[];
  tasks: DemoTask[];
}
