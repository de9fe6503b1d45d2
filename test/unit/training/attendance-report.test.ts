import { describe, expect, it } from 'vitest';
import { isPresent, readAttendanceReport, readMinutes } from '../../../src/domain/training/attendance-report';

const rows = (text: string) => text.trim().split('\n').map((line) => line.split('\t'));

describe('webinar attendance reports', () => {
  it('reads durations the way platforms write them', () => {
    expect(readMinutes('95')).toBe(95);
    expect(readMinutes('1h 5m 30s')).toBe(65.5);
    expect(readMinutes('1:05:30')).toBe(65.5);
    expect(readMinutes('65 mins')).toBe(65);
    expect(readMinutes('45m')).toBe(45);
    expect(readMinutes('1小时5分')).toBe(65);
    expect(readMinutes('soon')).toBeNull();
  });

  it('reads a Teams list (name, times, a "1h 5m" duration) and adds up re-joins', () => {
    const report = readAttendanceReport(
      rows(`
1. Summary
Meeting title\tPowering Belt and Road
2. Participants
Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole
Ayesha Khan\t9/28/25, 2:00:31 PM\t9/28/25, 3:35:02 PM\t1h 34m 31s\tAyesha.Khan@Lahore-Cells.example\tAttendee
Ayesha Khan\t9/28/25, 3:38:00 PM\t9/28/25, 3:58:00 PM\t20m\tayesha.khan@lahore-cells.example\tAttendee
Guest\t9/28/25, 2:10:00 PM\t9/28/25, 2:20:00 PM\t10m\t\tAttendee
`),
    );
    expect(report.minutesByEmail.get('ayesha.khan@lahore-cells.example')).toBeCloseTo(114.5167, 3);
    expect(report.minutesByEmail.size).toBe(1);
  });

  it('reads a Tencent Meeting export with Chinese headers', () => {
    const report = readAttendanceReport(rows(`
用户昵称\t邮箱\t入会时间\t离会时间\t参会时长(分钟)
王芳\twang.fang@hefei-cells.example\t2025-09-28 14:00:00\t2025-09-28 16:00:00\t120
`));
    expect(report.minutesByEmail.get('wang.fang@hefei-cells.example')).toBe(120);
  });

  it('counts someone marked as not attended as zero minutes', () => {
    const report = readAttendanceReport(rows(`Attended\tEmail\tTime in Session (minutes)\nNo\tlate@x.example\t\nYes\tearly@x.example\t61`));
    expect(Object.fromEntries(report.minutesByEmail)).toEqual({ 'late@x.example': 0, 'early@x.example': 61 });
  });

  it('refuses a report with bad rows, naming each row and column, or without the columns it needs', () => {
    let error: unknown;
    try {
      readAttendanceReport(rows(`Email\tDuration (Minutes)\na@x.example\t95\nnot-an-address\t12\nb@x.example\tlong`));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'row 3, column "Email": "not-an-address" is not an e-mail address (and 1 more)' });
    expect((error as { rows: unknown[] }).rows).toEqual([
      { row: 3, column: 'Email', message: '"not-an-address" is not an e-mail address' },
      { row: 4, column: 'Duration (Minutes)', message: '"long" is not a duration (minutes, 1h 5m or 1:05:00)' },
    ]);
    expect(() => readAttendanceReport(rows('Name\tMinutes\nAyesha\t95'))).toThrow(/no e-mail column/);
    expect(() => readAttendanceReport(rows('Name\tEmail\nAyesha\ta@x.example'))).toThrow(/no duration column/);
  });

  it('counts a person present for the programme’s share of the session', () => {
    expect(isPresent(60, 120, 50)).toBe(true);
    expect(isPresent(59.5, 120, 50)).toBe(false);
    expect(isPresent(120, 120, 100)).toBe(true);
  });
});
