import type { Db } from '../../store/open-database.js';
import { startWorker } from '../workers/start-worker.js';
import { workerReply } from '../workers/worker-reply.js';
import { deleteDataset, type DeleteOutcome } from './datasets.js';
import { forgetCustomer, purgeWorkspace } from './erasure.js';

export const erasureWorkerUrl = new URL(`./erasure-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** One erasure, as the erasure worker is asked for it. */
export type ErasureJob =
  | { kind: 'forget-customer'; guildId: string; customerId: string }
  | { kind: 'purge-workspace'; guildId: string }
  | { kind: 'delete-dataset'; guildId: string; name: string };

/** What the erasure worker is given in its workerData. */
export interface ErasureRequest {
  databasePath: string;
  job: ErasureJob;
}

/** Carries out one erasure on this thread's connection; the erasure worker's whole job. */
export function erase(db: Db, job: ErasureJob): unknown {
  switch (job.kind) {
    case 'forget-customer':
      return forgetCustomer(db, job.guildId, job.customerId);
    case 'purge-workspace':
      return purgeWorkspace(db, job.guildId);
    case 'delete-dataset':
      return deleteDataset({ db }, job.guildId, job.name);
  }
}

/**
 * An erasure on a worker thread with its own connection. Erasures read every line of the datasets they touch (no
 * index serves a customer's lines, and deleting a dataset removes all of its lines): on Online Retail's 541,909
 * lines a forget, a purge and a dataset delete each held the thread for 1.0-1.3 s, and on the bot's main thread that
 * froze every server's lookups. The worker runs niced like the others; its transaction is the same as on this
 * thread, so the erasure is still all or nothing.
 */
function eraseInWorker<T>(databasePath: string, job: ErasureJob): Promise<T> {
  const request: ErasureRequest = { databasePath, job };
  return workerReply<T>(startWorker(erasureWorkerUrl, request), 'erasure');
}

/** `forgetCustomer` on a worker thread (see eraseInWorker). */
export const forgetCustomerOffThread = (databasePath: string, guildId: string, customerId: string) =>
  eraseInWorker<ReturnType<typeof forgetCustomer>>(databasePath, { kind: 'forget-customer', guildId, customerId });

/** `purgeWorkspace` on a worker thread (see eraseInWorker). */
export const purgeWorkspaceOffThread = (databasePath: string, guildId: string) =>
  eraseInWorker<ReturnType<typeof purgeWorkspace>>(databasePath, { kind: 'purge-workspace', guildId });

/** `deleteDataset` on a worker thread (see eraseInWorker). */
export const deleteDatasetOffThread = (databasePath: string, guildId: string, name: string) =>
  eraseInWorker<DeleteOutcome>(databasePath, { kind: 'delete-dataset', guildId, name });
