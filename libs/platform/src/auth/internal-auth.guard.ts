import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '@ains/contracts';
import { ProblemException } from '../http/problem';
import { IS_PUBLIC } from './public.decorator';
import { verifyCaller } from './internal-auth';

export const INTERNAL_AUTH_SECRET = Symbol('INTERNAL_AUTH_SECRET');

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

/**
 * Services accept only requests forwarded by the gateway: the caller headers must carry a valid
 * signature made with the shared internal secret. A client reaching a service directly cannot
 * claim another tenant's identity.
 */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(INTERNAL_AUTH_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = verifyCaller(request.headers, request.method, request.url, this.secret);
    if (!caller) {
      throw new ProblemException({ status: 401, type: 'unauthenticated', title: 'Unauthenticated', detail: 'This service only accepts requests forwarded by the gateway.' });
    }
    request.caller = caller;
    return true;
  }
}
