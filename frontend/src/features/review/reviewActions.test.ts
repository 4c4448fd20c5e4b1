import { describe, expect, it } from 'vitest';
import type { Grid } from '../grid/gridApi';
import { initI18n } from '../../i18n';

initI18n('en'); // the feature's words join an initialised i18next, as in the app
const { reviewActions } = await import('./ReviewBar');

const grid = (status: string, mode: string, over: Partial<Grid> = {}): Grid =>
  ({ status, author_id: 'author', review: { mode, round: 1, current_step: null, steps: [], approvals: [], can_approve: true }, ...over }) as Grid;
const committee = { committee: true, chair: false, me: 'other' };
const chair = { committee: true, chair: true, me: 'chair' };

describe('reviewActions', () => {
  it('offers submit on a draft, approve and request changes in review, publish to the chair once approved', () => {
    expect(reviewActions(grid('draft', 'required'), committee)).toEqual(['submit']);
    expect(reviewActions(grid('in_review', 'required'), committee)).toEqual(['approve', 'request-changes']);
    expect(reviewActions(grid('in_review', 'required'), chair)).toEqual(['approve', 'request-changes', 'archive']);
    expect(reviewActions(grid('approved', 'required'), chair)).toEqual(['request-changes', 'publish', 'archive']);
  });

  it('never lets the author ask changes of their own grid; members see no action', () => {
    const own = grid('in_review', 'required', { review: { mode: 'required', round: 1, current_step: null, steps: [], approvals: [], can_approve: false } });
    expect(reviewActions(own, { committee: true, chair: false, me: 'author' })).toEqual([]);
    expect(reviewActions(grid('draft', 'none'), { committee: false, chair: false, me: 'x' })).toEqual([]);
  });

  it('follows the mode: optional lets the chair publish a draft, required does not', () => {
    expect(reviewActions(grid('draft', 'optional'), chair)).toContain('publish');
    expect(reviewActions(grid('draft', 'required'), chair)).not.toContain('publish');
  });
});
