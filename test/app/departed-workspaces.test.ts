import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { departedWorkspaces } from '../../src/app/workspace/departed-workspaces.js';
import { updateSettings } from '../../src/app/workspace/settings.js';
import { temporaryApp } from '../helpers.js';

const A = '100000000000000001';
const B = '100000000000000002';

describe('departedWorkspaces', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
    for (const guildId of [A, B, 'local']) updateSettings(app.db, guildId, 'admin', { currency: 'GBP' }, new Date());
  });
  afterEach(() => app.cleanup());

  it('GIVEN the first start THEN the application is recorded and no server is judged', () => {
    expect(departedWorkspaces(app.db, 'app-1', new Set([A]))).toEqual({ checked: false, reason: 'first_start' });
  });

  it('GIVEN the same application later THEN servers with data that are not present have departed, never the CLI workspace', () => {
    departedWorkspaces(app.db, 'app-1', new Set([A, B]));
    expect(departedWorkspaces(app.db, 'app-1', new Set([A]))).toEqual({ checked: true, departed: [B] });
    expect(departedWorkspaces(app.db, 'app-1', new Set([A, B]))).toEqual({ checked: true, departed: [] });
  });

  it('GIVEN another application\'s token THEN nothing is judged and the recorded application stays', () => {
    departedWorkspaces(app.db, 'app-1', new Set([A, B]));
    expect(departedWorkspaces(app.db, 'app-2', new Set())).toEqual({ checked: false, reason: 'other_application', storedApplicationId: 'app-1' });
    expect(departedWorkspaces(app.db, 'app-1', new Set())).toEqual({ checked: true, departed: [A, B].sort() });
  });
});
