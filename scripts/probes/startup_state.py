# Probe: the collector's state when a script's first line runs (counters,
# per-generation statistics and list sizes), which the engine's profiles
# model as the interpreter's own objects. Everything is read before any
# other import so the probe disturbs nothing it measures.
# Usage: python startup_state.py  -> one JSON line. run_startup_probe.sh records all versions.
import gc
count = gc.get_count()
stats = gc.get_stats() if hasattr(gc, 'get_stats') else None
try:
    sizes = [len(gc.get_objects(g)) for g in range(3)]
except TypeError:
    sizes = None
import sys, json
print(json.dumps({
    'version': '%d.%d.%d' % sys.version_info[:3],
    'site': 'site' in sys.modules,
    'count': list(count),
    'stats': stats,
    'generation_sizes': sizes,
    'threshold': list(gc.get_threshold()),
    'freeze_count': gc.get_freeze_count() if hasattr(gc, 'get_freeze_count') else None,
}))
