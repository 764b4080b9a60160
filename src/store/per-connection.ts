import type { Db } from './open-database.js';

/**
 * `make` called once per connection, its result kept as long as the connection is: a repository prepares every
 * statement it has when made, about 0.2 ms each, and a `/segment customer` lookup made five of them (some twice),
 * 3 ms of its 5 ms on the bot's main thread, 10-15 ms when an upload's workers share the two cores. For repositories
 * whose statements hold no state between calls (none is iterated, which would leave it busy).
 */
export function perConnection<Repository>(make: (db: Db) => Repository): (db: Db) => Repository {
  const made = new WeakMap<Db, Repository>();
  return (db) => {
    let repository = made.get(db);
    if (repository === undefined) {
      repository = make(db);
      made.set(db, repository);
    }
    return repository;
  };
}
