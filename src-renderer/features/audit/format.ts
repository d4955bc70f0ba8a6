const instant = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** An ISO instant in the reader's own time zone. */
export const formatInstant = (iso: string) => instant.format(new Date(iso));
