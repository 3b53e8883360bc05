import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { logger } from './logger';

export function checkDatabase(): boolean {
	try {
		return getDb().get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
	} catch (err) {
		logger.error({ err }, 'health check failed');
		return false;
	}
}
