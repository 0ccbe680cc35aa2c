// date-holidays-parser ships types its package exports do not expose under `moduleResolution:
// bundler`; these are the parts grantloop uses, as the library documents them.
declare module 'date-holidays-parser' {
  export interface Holiday {
    date: string;
    start: Date;
    end: Date;
    name: string;
    type: 'public' | 'bank' | 'school' | 'optional' | 'observance';
  }
  export default class HolidaysParser {
    constructor(data: unknown, country: string, state?: string);
    isHoliday(date: Date): Holiday[] | false;
    getHolidays(year?: number): Holiday[];
  }
}

declare module 'date-holidays/data' {
  export const data: unknown;
}
