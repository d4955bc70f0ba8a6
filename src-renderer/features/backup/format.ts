const instant = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatInstant = (iso: string) => instant.format(new Date(iso));
export const formatSize = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`);
export const reasonLabel = { manual: 'On demand', before_migration: 'Before an update' } as const;
