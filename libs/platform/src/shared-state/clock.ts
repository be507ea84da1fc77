/** Where the in-process implementations read the time (milliseconds); tests give a fake one. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = Date;
