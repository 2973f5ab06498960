#!/usr/bin/env bash
# Regenerates the committed MP4 fixtures (needs ffmpeg: apt-get install ffmpeg).
# Each is one second of test pattern with a 440 Hz AAC track, small enough to commit.
set -euo pipefail
cd "$(dirname "$0")"
for spec in landscape-720p:1280x720 landscape-1080p:1920x1080 portrait-720p:720x1280 \
            portrait-1080p:1080x1920 landscape-4k:3840x2160 portrait-4k:2160x3840; do
  name=${spec%%:*}; size=${spec##*:}
  ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=$size:rate=24:duration=1" \
    -f lavfi -i "sine=frequency=440:duration=1" -c:v libx264 -preset veryfast -crf 45 \
    -pix_fmt yuv420p -c:a aac -b:a 32k -shortest -movflags +faststart "$name.mp4"
done
