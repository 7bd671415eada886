/** Image size limits with the API's error details (`image_dimensions_too_large`), through the official SDK. */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { apiError, body, client } from './api-error';

/** The first bytes of a PNG of the given size (signature + IHDR): all the emulator reads. */
function png(width: number, height: number): string {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'ascii');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.set([8, 2, 0, 0, 0], 24);
  return bytes.toString('base64');
}

/** A JPEG start: SOI, an APP0 segment, then a SOF0 frame header with the size. */
function jpeg(width: number, height: number): string {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof]).toString('base64');
}

function gif(width: number, height: number): string {
  const bytes = Buffer.alloc(13);
  bytes.write('GIF89a', 0, 'ascii');
  bytes.writeUInt16LE(width, 6);
  bytes.writeUInt16LE(height, 8);
  return bytes.toString('base64');
}

const image = (data: string, media_type = 'image/png') => ({ type: 'image', source: { type: 'base64', media_type, data } });
const withImages = (...blocks: unknown[]) => body({
  model: 'claude-sonnet-5-5', max_tokens: 256,
  messages: [{ role: 'user', content: [...blocks, { type: 'text', text: 'Describe these.' }] }],
});

describe('image dimensions', () => {
  it('a side over 8,000 px: 400 image_dimensions_too_large with the limit and the paths', async () => {
    const error = await apiError(client().messages.create(withImages(image(png(100, 100)), image(png(9000, 10)), image(jpeg(8001, 50), 'image/jpeg'))));
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('image_dimensions_too_large');
    expect(error.constructor.name).toBe('ImageDimensionsTooLargeError');
    expect(error.details).toEqual({ error_code: 'image_dimensions_too_large', max_side_length_pixels: 8000, paths: ['messages.0.content.1', 'messages.0.content.2'] });
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('8,000 px exactly is accepted, in PNG, JPEG and GIF', async () => {
    await expect(client().messages.create(withImages(image(png(8000, 8000)), image(jpeg(8000, 20), 'image/jpeg'), image(gif(8000, 1), 'image/gif')))).resolves.toBeTruthy();
  });

  it('more than 20 images: the limit is 2,000 px', async () => {
    const many = Array.from({ length: 21 }, (_, i) => image(png(i === 20 ? 2001 : 1000, 500)));
    const error = await apiError(client().messages.create(withImages(...many)));
    expect(error.details).toEqual({ error_code: 'image_dimensions_too_large', max_side_length_pixels: 2000, paths: ['messages.0.content.20'] });
    const twenty = Array.from({ length: 20 }, () => image(png(2001, 500)));
    await expect(client().messages.create(withImages(...twenty))).resolves.toBeTruthy();
  });

  it('names an image inside a tool_result by its nested path', async () => {
    const request = body({
      model: 'claude-sonnet-5-5', max_tokens: 256,
      tools: [{ name: 'screenshot', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: 'Take a screenshot.' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01A', name: 'screenshot', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01A', content: [{ type: 'text', text: 'here' }, image(gif(9001, 9001), 'image/gif')] }] },
      ],
    });
    const error = await apiError(client().messages.create(request));
    expect(error.details).toMatchObject({ paths: ['messages.2.content.0.content.1'] });
  });
});
