import actions from './actions.js';
import type { Command } from './command.js';
import dataForget from './data-forget.js';
import dataPurge from './data-purge.js';
import datasetsDelete from './datasets-delete.js';
import datasetsList from './datasets-list.js';
import digestAlert from './digest-alert.js';
import digestNow from './digest-now.js';
import digestOff from './digest-off.js';
import digestPreview from './digest-preview.js';
import digestSet from './digest-set.js';
import digestStatus from './digest-status.js';
import help from './help.js';
import inspect from './inspect.js';
import playbookReset from './playbook-reset.js';
import playbookSet from './playbook-set.js';
import segmentCompare from './segment-compare.js';
import segmentCustomer from './segment-customer.js';
import segmentList from './segment-list.js';
import segmentRun from './segment-run.js';
import segmentRuns from './segment-runs.js';
import segments from './segments.js';
import settings from './settings.js';
import upload from './upload.js';

/** Every command, once. Each door (Discord, console, CLI) builds itself from this list. */
export const COMMANDS: readonly Command[] = [
  upload, inspect, datasetsList, datasetsDelete, segmentRun, segments, segmentCustomer, segmentList, segmentCompare, segmentRuns, actions, playbookSet, playbookReset,
  digestPreview, digestSet, digestOff, digestStatus, digestNow, digestAlert,
  settings, dataForget, dataPurge, help,
] as unknown as readonly Command[];
