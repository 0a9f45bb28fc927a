"""The Lua scripts: each stores or reads a checkpoint in one round trip, atomically,
sliding the thread's TTL on the server.

Values never pass through the writing scripts: Redis copies every argument into Lua and
back, about 2 us a KiB (a conversation's message list is one value, tens of KiB long),
while a plain HSET stores 20 KiB in 1 us. So a write sends the values with plain HSETs
first, and the script after them, in the same round trip, makes them part of the thread:
the record that names a checkpoint's blobs, the index that names a task's writes. A
reader goes through the record and the index, so it sees all of a write or none of it,
and the script stores neither unless every value it names is there (a refused HSET, say
out of memory, fails the write instead of leaving a record without its values).
"""

# Resolves "latest" (when no checkpoint id is given), then fetches the checkpoint
# record, its channel blobs and its pending writes in one round trip. A record starts
# with the blob fields it references, length-prefixed: `<n>:` then `<len>:<field>`...
# KEYS: checkpoints, timeline, blobs, writes, write_index, runs (only for the TTL).
READ_CHECKPOINT_LUA = """
local ns, id, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
if id == '' then
  local last = redis.call('ZREVRANGEBYLEX', KEYS[2], '(' .. ns .. '\\1', '[' .. ns .. '\\0',
                          'LIMIT', 0, 1)
  if #last == 0 then return false end
  id = string.sub(last[1], #ns + 2)
end
local record = redis.call('HGET', KEYS[1], ns .. '\\0' .. id)
if not record then return false end
local colon = string.find(record, ':', 1, true)
local stop = colon + tonumber(string.sub(record, 1, colon - 1))
local fields, pos = {}, colon + 1
while pos <= stop do
  colon = string.find(record, ':', pos, true)
  local size = tonumber(string.sub(record, pos, colon - 1))
  fields[#fields + 1] = string.sub(record, colon + 1, colon + size)
  pos = colon + size + 1
end
local blobs = {}
if #fields > 0 then blobs = redis.call('HMGET', KEYS[3], unpack(fields)) end
local prefix = ns .. '\\0' .. id
local names = redis.call('ZRANGEBYLEX', KEYS[5], '[' .. prefix .. '\\0', '(' .. prefix .. '\\1')
local writes = {}
if #names > 0 then writes = redis.call('HMGET', KEYS[4], unpack(names)) end
if ttl > 0 then
  for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ttl) end
end
return {id, record, blobs, names, writes}
"""

# Stores one checkpoint's record atomically, once the blobs it adds (stored just before)
# are all there, and slides the TTL of all the thread's keys.
# KEYS: checkpoints, timeline, blobs, writes, write_index, runs.
# ARGV: ttl, member, record, run_id ('' for none), then the fields of the blobs it adds.
PUT_CHECKPOINT_LUA = """
local ttl = tonumber(ARGV[1])
for i = 5, #ARGV do
  if redis.call('HEXISTS', KEYS[3], ARGV[i]) == 0 then
    return redis.error_reply('ERR checkpoint not stored: a value it needs was not stored')
  end
end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[6], ARGV[2], ARGV[4]) end
redis.call('ZADD', KEYS[2], 0, ARGV[2])
if ttl > 0 then
  for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ttl) end
end
return 1
"""

# Indexes a task's writes atomically, once their payloads (stored just before) are all
# there, and slides the TTL. KEYS as above; ARGV: ttl, then the writes' fields.
PUT_WRITES_LUA = """
local ttl = tonumber(ARGV[1])
for i = 2, #ARGV do
  if redis.call('HEXISTS', KEYS[4], ARGV[i]) == 0 then
    return redis.error_reply('ERR writes not stored: a value they need was not stored')
  end
end
for i = 2, #ARGV do redis.call('ZADD', KEYS[5], 0, ARGV[i]) end
if ttl > 0 then
  for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ttl) end
end
return 1
"""
