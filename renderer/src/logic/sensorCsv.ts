// Sensor readings pasted as CSV: "time,value" per line (a header line is skipped). Times are ISO-8601;
// a bare "HH:MM" is taken on the report's date.
export interface CsvReading { at: string; value: number }
export interface CsvResult { readings: CsvReading[]; errors: Array<{ line: number; text: string }> }

export function parseSensorCsv(text: string, baseDateIso = new Date().toISOString()): CsvResult {
  const readings: CsvReading[] = [];
  const errors: CsvResult['errors'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || (i === 0 && /[a-z]/i.test(line) && !/\d{4}-\d\d-\d\d/.test(line))) return;
    const [timeText, valueText] = line.split(/[,;\t]/).map((s) => s.trim());
    const value = Number(valueText);
    let at: string | undefined;
    if (timeText && /^\d{1,2}:\d{2}$/.test(timeText)) {
      const [h, m] = timeText.split(':').map(Number);
      const d = new Date(baseDateIso);
      d.setUTCHours(h as number, m as number, 0, 0);
      at = d.toISOString();
    } else if (timeText && !Number.isNaN(Date.parse(timeText))) {
      at = new Date(timeText).toISOString();
    }
    if (!at || !Number.isFinite(value) || valueText === '') errors.push({ line: i + 1, text: line });
    else readings.push({ at, value });
  });
  return { readings, errors };
}
