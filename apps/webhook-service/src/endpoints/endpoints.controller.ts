import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import {
  CreateWebhookBody,
  PageQuery,
  RotateWebhookSecretBody,
  UpdateWebhookBody,
  uuidParam,
  type Caller,
  type WebhookView,
  type WebhookWithSecretView,
} from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import { toWebhookView } from './endpoint.mapper';
import { EndpointsService } from './endpoints.service';

// Param types are written as z.infer<...> so decorator metadata never points the global pipe at a zod schema.
const WebhookIdParam = uuidParam();
type WebhookIdParams = z.infer<typeof WebhookIdParam>;

@Controller('v1/webhooks')
export class EndpointsController {
  constructor(private readonly endpoints: EndpointsService) {}

  @Post()
  @HttpCode(201)
  async create(@CurrentCaller() caller: Caller, @Body(new ZodValidationPipe(CreateWebhookBody)) body: z.infer<typeof CreateWebhookBody>): Promise<WebhookWithSecretView> {
    const { endpoint, secret } = await this.endpoints.create(caller.clientId, body);
    return { ...toWebhookView(endpoint), secret };
  }

  @Get()
  async list(@CurrentCaller() caller: Caller, @Query(new ZodValidationPipe(PageQuery)) query: z.infer<typeof PageQuery>): Promise<{ data: WebhookView[]; next_cursor: string | null }> {
    const page = await this.endpoints.list(caller.clientId, query.limit, query.cursor);
    return { data: page.endpoints.map((endpoint) => toWebhookView(endpoint)), next_cursor: page.nextCursor };
  }

  @Get(':id')
  async get(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(WebhookIdParam)) params: WebhookIdParams): Promise<WebhookView> {
    return toWebhookView(await this.endpoints.get(caller.clientId, params.id));
  }

  @Patch(':id')
  async update(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(WebhookIdParam)) params: WebhookIdParams,
    @Body(new ZodValidationPipe(UpdateWebhookBody)) body: z.infer<typeof UpdateWebhookBody>,
  ): Promise<WebhookView> {
    return toWebhookView(await this.endpoints.update(caller.clientId, params.id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(WebhookIdParam)) params: WebhookIdParams): Promise<void> {
    await this.endpoints.delete(caller.clientId, params.id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  async rotateSecret(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(WebhookIdParam)) params: WebhookIdParams,
    @Body(new ZodValidationPipe(RotateWebhookSecretBody)) body: z.infer<typeof RotateWebhookSecretBody>,
  ): Promise<WebhookWithSecretView> {
    const { endpoint, secret } = await this.endpoints.rotateSecret(caller.clientId, params.id, body);
    return { ...toWebhookView(endpoint), secret };
  }
}
