import { describe, expect, it } from 'vitest';
import type { ResourceDetail } from '../../../shared/library.schema.ts';
import { allowedSteps, lastComment, openReturn, type Transition, workingVersion } from './moderation.ts';

const step = (action: string, toStatus: string, comment: string | null = null): Transition => ({
  action,
  fromStatus: 'submitted',
  toStatus: toStatus as Transition['toStatus'],
  comment,
  at: '2026-11-24T03:00:00.000Z',
  actorName: 'Phạm Văn Khoa',
});

describe('allowedSteps', () => {
  it('shows each side the steps the server lists for the caller, in button order', () => {
    const r = { actions: ['take_down', 'return', 'start_review'] } as Pick<ResourceDetail, 'actions'>;
    expect(allowedSteps(r, 'moderator')).toEqual(['start_review', 'return', 'take_down']);
    expect(allowedSteps(r, 'contributor')).toEqual([]);
    expect(allowedSteps({ actions: ['submit'] }, 'contributor')).toEqual(['submit']);
  });
});

describe('comments', () => {
  const transitions = [
    step('submit', 'submitted'),
    step('return', 'returned', 'Bổ sung lớp 10'),
    step('submit', 'submitted'),
    step('return', 'returned', 'Thêm từ khoá "ma sát"'),
  ];

  it('finds the latest return comment of a returned resource', () => {
    expect(openReturn({ status: 'returned', transitions })?.comment).toBe('Thêm từ khoá "ma sát"');
    expect(openReturn({ status: 'submitted', transitions })).toBeNull();
    expect(lastComment([step('submit', 'submitted')])).toBeNull();
  });
});

describe('workingVersion', () => {
  it('is the current version, else the published one', () => {
    const v = (id: string, number: number) => ({ id, number, fileId: null, url: null, note: null, createdAt: '' });
    const versions = [v('b', 2), v('a', 1)];
    expect(workingVersion({ versions, currentVersionId: 'b', publishedVersionId: 'a' })?.number).toBe(2);
    expect(workingVersion({ versions, currentVersionId: null, publishedVersionId: 'a' })?.number).toBe(1);
  });
});
