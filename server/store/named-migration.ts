/** A kysely migration with the name that orders it; every migration file builds on this type. */
import type { Migration } from 'kysely';

export interface NamedMigration extends Migration {
  /** Sorts in apply order: a zero-padded number then a short name, e.g. `0002_agents`. */
  name: string;
}
