import type { Command } from './command.js';
import datasetsDelete from './datasets-delete.js';
import datasetsList from './datasets-list.js';
import upload from './upload.js';

/** Every command, once. Each door (Discord, console, CLI) builds itself from this list. */
export const COMMANDS: readonly Command[] = [upload, datasetsList, datasetsDelete] as unknown as readonly Command[];
