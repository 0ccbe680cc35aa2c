import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../shared/consortia/organisation';
import { alertsToSchedule, nextLondonNine } from '../../shared/contracts/alerts';
import type { Contract, Milestone } from '../../shared/contracts/contract';
import { evidenceLinkExpiry, supplierAlert } from '../../shared/contracts/mail';
import { defaultPolicy } from '../../shared/contracts/rag';

/** Every instant below worked out by hand: BST is UTC+1 (29 March to 25 October 2026), GMT is UTC. */
const at = (iso: string) => new Date(iso);
const times = (list: { offsetDays: number; at: Date }[]) => list.map((t) => [t.offsetDays, t.at.toISOString()]);

describe('the next 09:00 London', () => {
  it('is tomorrow morning after 09:00, this morning before it, in summer and in winter', () => {
    // 14:30 BST on Tuesday 12 May 2026 → 09:00 BST on Wednesday 13 May = 08:00Z.
    expect(nextLondonNine(at('2026-05-12T13:30:00Z')).toISOString()).toBe('2026-05-13T08:00:00.000Z');
    // 08:15 GMT on 1 December 2026 → 09:00 GMT the same day.
    expect(nextLondonNine(at('2026-12-01T08:15:00Z')).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    // Exactly 09:00 has gone: the next is the day after.
    expect(nextLondonNine(at('2026-12-01T09:00:00Z')).toISOString()).toBe('2026-12-02T09:00:00.000Z');
    // 10:00 BST on Saturday 24 October; the clocks go back that night, so 09:00 on Sunday is 09:00Z, not 08:00Z.
    expect(nextLondonNine(at('2026-10-24T09:00:00Z')).toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });
});

describe('alerts to schedule (default policy: 14 and 3 days before, and the morning after)', () => {
  it('registered after every alert time, already overdue: the overdue alert at the next 09:00 London', () => {
    // Due Monday 11 May 2026; registered 14:30 BST on Tuesday 12 May, after the overdue alert (08:00Z that morning).
    expect(times(alertsToSchedule('2026-05-11', defaultPolicy, at('2026-05-12T13:30:00Z')))).toEqual([[1, '2026-05-13T08:00:00.000Z']]);
  });

  it('registered after the 3-day alert: that one at the next 09:00, then the overdue one as usual', () => {
    // Due 3 December; the 3-day alert was 30 November 09:00Z; registered 08:15 GMT on 1 December.
    expect(times(alertsToSchedule('2026-12-03', defaultPolicy, at('2026-12-01T08:15:00Z')))).toEqual([
      [-3, '2026-12-01T09:00:00.000Z'],
      [1, '2026-12-04T09:00:00.000Z'],
    ]);
  });

  it('no catch-up when a regular alert comes at the same next 09:00 anyway', () => {
    // Registered 10:00 GMT on the due day: the overdue alert is the next 09:00 already.
    expect(times(alertsToSchedule('2026-12-03', defaultPolicy, at('2026-12-03T10:00:00Z')))).toEqual([[1, '2026-12-04T09:00:00.000Z']]);
  });

  it('registered in good time: the regular alerts only', () => {
    expect(times(alertsToSchedule('2027-01-30', defaultPolicy, at('2026-12-01T08:15:00Z')))).toEqual([
      [-14, '2027-01-16T09:00:00.000Z'],
      [-3, '2027-01-27T09:00:00.000Z'],
      [1, '2027-01-31T09:00:00.000Z'],
    ]);
  });
});

describe('evidence link expiry', () => {
  it('60 days after the due date, or 30 days from sending when that is later', () => {
    // To 11:59pm London time: GMT in winter, BST (an hour ahead of UTC) in summer.
    expect(evidenceLinkExpiry({ dueDate: '2026-12-03' }, at('2026-12-01T08:15:00Z'))).toBe('2027-02-01T23:59:00.000Z');
    expect(evidenceLinkExpiry({ dueDate: '2026-05-11' }, at('2026-12-01T08:15:00Z'))).toBe('2026-12-31T23:59:00.000Z');
    expect(evidenceLinkExpiry({ dueDate: '2026-05-11' }, at('2026-05-01T08:15:00Z'))).toBe('2026-07-10T22:59:00.000Z');
  });
});

describe('the supplier email', () => {
  const contract = { title: 'Youth hub support', supplier: { name: 'Wyvern Voluntary Action', email: 'hub@wyvern-va.example.org' } };
  const m = { id: 'M1', title: 'Ten reviews', dueDate: '2026-12-03', deliverable: 'Ten reviews.', evidenceRequested: 'The list.' };
  const council = { name: 'Wyvernshire County Council', contactEmail: 'contracts@wyvernshire.gov.example' };
  const email = (today: string, requested: boolean) =>
    supplierAlert(contract as Contract, m as Milestone, council as Organisation, {
      url: 'https://app.example/m/abc',
      expiresAt: '2027-02-01T23:59:00.000Z',
      today,
      requested,
    });

  it('asked for now: says so, when the link stops working and whom to ask then', () => {
    const sent = email('2026-12-01', true);
    expect([sent.to, sent.subject]).toEqual([['hub@wyvern-va.example.org'], 'Evidence requested: Ten reviews (Youth hub support)']);
    expect(sent.text).toBe(
      'Hello Wyvern Voluntary Action,\n\nMilestone M1, "Ten reviews", of your contract "Youth hub support" with Wyvernshire County Council is due on 3 December 2026 (in 2 days).\n\n' +
        'Wyvernshire County Council asks you to send the evidence for it now.\n\n' +
        '  - What is due: Ten reviews.\n  - Evidence we need: The list.\n\n' +
        'Send it with this link. No account is needed.\n\n' +
        'Send the evidence:\nhttps://app.example/m/abc\n\n' +
        'This link works once, until 11:59pm on 1 February 2027. If it stops working, ask Wyvernshire County Council (contracts@wyvernshire.gov.example) for a new one.' +
        '\n\n-- \nSent by grantloop for Wyvernshire County Council.\nQuestions: Wyvernshire County Council, contracts@wyvernshire.gov.example.\n' +
        'The link is personal to your organisation: please do not forward it.\n',
    );
    expect(sent.html).toContain('<a href="https://app.example/m/abc"');
  });

  it('a late alert counts from the day it goes: overdue after the due day', () => {
    expect(email('2026-12-05', false).subject).toBe('Overdue: Ten reviews (Youth hub support)');
    expect(email('2026-12-05', false).text).toContain('was due on 3 December 2026 and is overdue.');
    expect(email('2026-12-03', false).text).toContain('is due today, 3 December 2026.');
  });
});
