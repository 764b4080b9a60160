/** The path of the fresh bundle of `entryPath` in the worker bundle cache, or undefined when there is none or it is stale. */
export declare function freshBundle(entryPath: string): string | undefined;
