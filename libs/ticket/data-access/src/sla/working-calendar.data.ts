/**
 * Public holidays and make-up working days (调休) as published by the General Office of the State
 * Council. 2026: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕号),
 * https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm — 元旦 1/1–1/3 (1/4 works), 春节
 * 2/15–2/23 (2/14, 2/28 work), 清明 4/4–4/6, 劳动节 5/1–5/5 (5/9 works), 端午 6/19–6/21, 中秋
 * 9/25–9/27, 国庆 10/1–10/7 (9/20, 10/10 work).
 * 2027 is not listed: add it from the State Council's notice when it is published (admins can also
 * edit the `working_calendar` table directly).
 */
export const PUBLISHED_CALENDAR: readonly {
  year: number;
  holidays: [string, string, string][];
  workdays: string[];
}[] = [
  {
    year: 2026,
    // [first day, last day, name]
    holidays: [
      ['2026-01-01', '2026-01-03', '元旦'],
      ['2026-02-15', '2026-02-23', '春节'],
      ['2026-04-04', '2026-04-06', '清明节'],
      ['2026-05-01', '2026-05-05', '劳动节'],
      ['2026-06-19', '2026-06-21', '端午节'],
      ['2026-09-25', '2026-09-27', '中秋节'],
      ['2026-10-01', '2026-10-07', '国庆节'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
