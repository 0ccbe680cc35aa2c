import type { getRound } from '../../shared/pools/rounds';

/**
 * The round as its page and the page's sections draw it. Apart from both, so the page can
 * import its sections without the sections importing the page back (no import cycle).
 */
export type View = Awaited<ReturnType<typeof getRound>> & {
  orgNames: Map<string, string>;
  mayVote: boolean;
  mayDecide: boolean;
  /** Adding proposals (the lead's and members' officers) and closing for voting (the lead's admins), while the round is open. */
  mayPropose: boolean;
  mayClose: boolean;
  /** Until when the vote, or the lead's decision, is open. */
  deadline: string | undefined;
  /** The voting members, who are emailed when the round closes. */
  voters: string[];
  consortium: { id: string; name: string };
  pool: { id: string; name: string; lots: { id: string; name: string }[] };
};
