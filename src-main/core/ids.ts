import { v7 } from 'uuid';

/**
 * Ids are UUIDv7: globally unique (stores from different offices merge without collisions) and
 * ordered by creation time, so a bulk insert appends to the primary-key index instead of splitting
 * pages at random (random v4 keys made 250,000 inserts several times slower).
 */
export function newId(): string {
  return v7();
}
