/** What a provider sends through a report's link, what the funder decides, and an unfinished draft. */
export interface Submission {
  n: number;
  measures: Record<string, number>;
  questions: Record<string, string>;
  submittedAt: string;
  via: 'link';
}

export interface Review {
  n: number;
  decision: 'accept' | 'request-changes';
  comments?: string;
  by: string;
  at: string;
}

export interface Draft {
  measures: Record<string, string>;
  questions: Record<string, string>;
  savedAt: string;
}
