import express, { type RequestHandler } from 'express';
import { Problem } from './problem.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * JSON bodies only, with a size limit. A body in another media type is a 415
 * (we never guess at form data); unparsable JSON and oversized bodies surface
 * as body-parser errors that render.ts turns into 400 and 413.
 */
export function jsonBody(limitBytes: number): RequestHandler[] {
  const rejectOtherTypes: RequestHandler = (req, _res, next) => {
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (hasBody && !req.is(JSON_TYPES)) {
      const sent = req.headers['content-type'] ?? 'none';
      next(new Problem(415, `Request bodies must be JSON (Content-Type: application/json); got '${sent}'.`));
      return;
    }
    next();
  };
  return [rejectOtherTypes, express.json({ limit: limitBytes, type: JSON_TYPES, strict: true })];
}
