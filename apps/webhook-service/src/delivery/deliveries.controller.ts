import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import { DeliveryQuery, RecoverQuery, WebhookDeliveryParams, uuidParam, type Caller, type DeliveryDetailView, type DeliveryView } from '@ains/contracts';
import { CurrentCaller, ZodValidationPipe } from '@ains/platform';
import { DeliveriesService } from './deliveries.service';
import { toDeliveryDetailView, toDeliveryView } from './delivery.mapper';

// Param types are written as z.infer<...> so decorator metadata never points the global pipe at a zod schema.
const WebhookIdParam = uuidParam();
type WebhookIdParams = z.infer<typeof WebhookIdParam>;
type DeliveryParams = z.infer<typeof WebhookDeliveryParams>;

@Controller('v1/webhooks/:id')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('deliveries')
  async list(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(WebhookIdParam)) params: WebhookIdParams,
    @Query(new ZodValidationPipe(DeliveryQuery)) query: z.infer<typeof DeliveryQuery>,
  ): Promise<{ data: DeliveryView[]; next_cursor: string | null }> {
    const page = await this.deliveries.list(caller.clientId, params.id, query);
    return { data: page.deliveries.map(toDeliveryView), next_cursor: page.nextCursor };
  }

  @Get('deliveries/:deliveryId')
  async get(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(WebhookDeliveryParams)) params: DeliveryParams): Promise<DeliveryDetailView> {
    const { delivery, attempts } = await this.deliveries.get(caller.clientId, params.id, params.deliveryId);
    return toDeliveryDetailView(delivery, attempts);
  }

  @Post('deliveries/:deliveryId/replay')
  @HttpCode(202)
  async replay(@CurrentCaller() caller: Caller, @Param(new ZodValidationPipe(WebhookDeliveryParams)) params: DeliveryParams): Promise<DeliveryView> {
    return toDeliveryView(await this.deliveries.replay(caller.clientId, params.id, params.deliveryId));
  }

  @Post('recover')
  @HttpCode(202)
  async recover(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(WebhookIdParam)) params: WebhookIdParams,
    @Query(new ZodValidationPipe(RecoverQuery)) query: z.infer<typeof RecoverQuery>,
  ): Promise<{ recovered: number }> {
    return { recovered: await this.deliveries.recover(caller.clientId, params.id, query.since) };
  }
}
