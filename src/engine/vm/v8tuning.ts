// V8 tuning for the engine's object model, applied when the engine loads.
// Every Python value is an instance of one of ~30 JavaScript classes sharing
// the PyObject header (rc, gcNext, type …), so the hot sites that touch the
// header (dec, the collector's list walks, the evaluation loop) see many
// hidden classes. V8 turns a property access that has seen more than four
// into a megamorphic one (a stub-cache probe each time); allowing more keeps
// them polymorphic, and its optimizing compiler then checks the map against a
// short list and loads the field at its shared offset. Only speed changes.

import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--max-valid-polymorphic-map-count=32');
