import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, IsUrl, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

const TAG = /^[a-z0-9][a-z0-9._:-]*$/;

export class AgentCapabilityDto {
  @IsString()
  @Length(1, 64)
  @Matches(TAG, { message: 'name must be lowercase letters, digits and . _ : -' })
  name!: string;

  @IsString()
  @Length(1, 64)
  version!: string;
}

export class RegisterAgentDto {
  @IsString()
  @Length(1, 200)
  display_name!: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  endpoint?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  @Matches(TAG, { each: true, message: 'each tag must be lowercase letters, digits and . _ : -' })
  tags?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgentCapabilityDto)
  capabilities?: AgentCapabilityDto[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000)
  max_concurrency?: number;

  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}
