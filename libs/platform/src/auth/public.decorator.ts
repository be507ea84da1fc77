import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ains:public';

/** Marks a route that needs no caller: health, readiness and metrics. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
