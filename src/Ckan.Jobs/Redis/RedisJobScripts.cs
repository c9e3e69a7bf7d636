namespace Ckan.Jobs.Redis;

/// <summary>
/// The Lua scripts that change several keys at once. Redis runs each script atomically, so two workers never
/// take the same job and a crash between two commands never loses one. Keys start with the prefix in ARGV[1].
/// </summary>
/// <remarks>
/// Layout: <c>job:{id}</c> is a hash with the job's fields and its sequence number; <c>waiting:{queue}</c> is a
/// sorted set of queued ids scored by sequence; <c>queues</c> is the set of queue names; <c>leases</c> is a
/// sorted set of started ids scored by the time (ms) their worker's lease ends.
/// </remarks>
internal static class RedisJobScripts
{
    // Puts started jobs whose lease ended back at their place in their queue. Shared by the scripts below.
    private const string RecoverExpired = """
        local function recover(p, now)
            local expired = redis.call('ZRANGEBYSCORE', p .. 'leases', '-inf', now)
            for _, id in ipairs(expired) do
                redis.call('ZREM', p .. 'leases', id)
                local key = p .. 'job:' .. id
                if redis.call('EXISTS', key) == 1 then
                    local fields = redis.call('HMGET', key, 'queue', 'seq')
                    redis.call('HSET', key, 'status', 'queued')
                    redis.call('HDEL', key, 'started', 'progress_done', 'progress_total')
                    redis.call('ZADD', p .. 'waiting:' .. fields[1], fields[2], id)
                end
            end
            return #expired
        end
        """;

    /// <summary>ARGV: prefix, now (ms). Returns how many jobs went back to their queues.</summary>
    public const string Recover = RecoverExpired + """

        return recover(ARGV[1], tonumber(ARGV[2]))
        """;

    /// <summary>ARGV: prefix, id, queue, kind, title ('' for none), payload, created. Returns the sequence number.</summary>
    public const string Enqueue = """
        local p = ARGV[1]
        local seq = redis.call('INCR', p .. 'seq')
        local key = p .. 'job:' .. ARGV[2]
        redis.call('HSET', key, 'id', ARGV[2], 'queue', ARGV[3], 'kind', ARGV[4], 'payload', ARGV[6],
            'status', 'queued', 'created', ARGV[7], 'seq', seq)
        if ARGV[5] ~= '' then
            redis.call('HSET', key, 'title', ARGV[5])
        end
        redis.call('ZADD', p .. 'waiting:' .. ARGV[3], seq, ARGV[2])
        redis.call('SADD', p .. 'queues', ARGV[3])
        return seq
        """;

    /// <summary>
    /// ARGV: prefix, now (ms), lease (ms), started (text), then the queue names (none for every queue). Recovers
    /// expired leases, then takes the queued job with the lowest sequence number. Returns its id or nil.
    /// </summary>
    public const string Take = RecoverExpired + """

        local p = ARGV[1]
        local now = tonumber(ARGV[2])
        recover(p, now)
        local queues = {}
        if #ARGV > 4 then
            for i = 5, #ARGV do
                queues[#queues + 1] = ARGV[i]
            end
        else
            queues = redis.call('SMEMBERS', p .. 'queues')
        end

        local best, bestScore, bestQueue = nil, nil, nil
        for _, queue in ipairs(queues) do
            local head = redis.call('ZRANGE', p .. 'waiting:' .. queue, 0, 0, 'WITHSCORES')
            if head[1] ~= nil and (bestScore == nil or tonumber(head[2]) < bestScore) then
                best, bestScore, bestQueue = head[1], tonumber(head[2]), queue
            end
        end

        if best == nil then
            return nil
        end

        redis.call('ZREM', p .. 'waiting:' .. bestQueue, best)
        redis.call('ZADD', p .. 'leases', now + tonumber(ARGV[3]), best)
        redis.call('HSET', p .. 'job:' .. best, 'status', 'started', 'started', ARGV[4])
        redis.call('HDEL', p .. 'job:' .. best, 'progress_done', 'progress_total')
        return best
        """;

    /// <summary>
    /// ARGV: prefix, id, status, ended, error ('' for none), seconds to keep the result. Ends a started job;
    /// returns 0 when the job is no longer known.
    /// </summary>
    public const string Complete = """
        local p = ARGV[1]
        local key = p .. 'job:' .. ARGV[2]
        redis.call('ZREM', p .. 'leases', ARGV[2])
        if redis.call('EXISTS', key) == 0 then
            return 0
        end

        redis.call('HSET', key, 'status', ARGV[3], 'ended', ARGV[4])
        if ARGV[5] ~= '' then
            redis.call('HSET', key, 'error', ARGV[5])
        end

        redis.call('EXPIRE', key, tonumber(ARGV[6]))
        return 1
        """;

    /// <summary>
    /// ARGV: prefix, id, units done, total units ('' when unknown). Records a started job's progress; returns 0
    /// when the job is no longer known.
    /// </summary>
    public const string Progress = """
        local key = ARGV[1] .. 'job:' .. ARGV[2]
        if redis.call('EXISTS', key) == 0 then
            return 0
        end

        redis.call('HSET', key, 'progress_done', ARGV[3])
        if ARGV[4] ~= '' then
            redis.call('HSET', key, 'progress_total', ARGV[4])
        end
        return 1
        """;

    /// <summary>ARGV: prefix, id. Puts a started job back at its place in its queue; returns 0 when unknown.</summary>
    public const string Requeue = """
        local p = ARGV[1]
        local key = p .. 'job:' .. ARGV[2]
        redis.call('ZREM', p .. 'leases', ARGV[2])
        if redis.call('EXISTS', key) == 0 then
            return 0
        end

        local fields = redis.call('HMGET', key, 'queue', 'seq')
        redis.call('HSET', key, 'status', 'queued')
        redis.call('HDEL', key, 'started', 'progress_done', 'progress_total')
        redis.call('ZADD', p .. 'waiting:' .. fields[1], fields[2], ARGV[2])
        return 1
        """;

    /// <summary>ARGV: prefix, id. Deletes a job in any state; returns 1 when it existed.</summary>
    public const string Cancel = """
        local p = ARGV[1]
        local key = p .. 'job:' .. ARGV[2]
        local queue = redis.call('HGET', key, 'queue')
        redis.call('ZREM', p .. 'leases', ARGV[2])
        if not queue then
            return 0
        end

        redis.call('ZREM', p .. 'waiting:' .. queue, ARGV[2])
        redis.call('DEL', key)
        return 1
        """;

    /// <summary>
    /// ARGV: prefix, then queue names (none for every queue). Deletes their queued jobs; returns the names of
    /// the queues that had some.
    /// </summary>
    public const string Clear = """
        local p = ARGV[1]
        local queues = {}
        if #ARGV > 1 then
            for i = 2, #ARGV do
                queues[#queues + 1] = ARGV[i]
            end
        else
            queues = redis.call('SMEMBERS', p .. 'queues')
        end

        local cleared = {}
        for _, queue in ipairs(queues) do
            local ids = redis.call('ZRANGE', p .. 'waiting:' .. queue, 0, -1)
            for _, id in ipairs(ids) do
                redis.call('DEL', p .. 'job:' .. id)
            end
            if #ids > 0 then
                cleared[#cleared + 1] = queue
            end
            redis.call('DEL', p .. 'waiting:' .. queue)
        end
        return cleared
        """;

    /// <summary>ARGV: prefix, id, lease end (ms). Extends the lease of a job still started; returns 0 otherwise.</summary>
    public const string Renew = """
        return redis.call('ZADD', ARGV[1] .. 'leases', 'XX', 'CH', ARGV[3], ARGV[2])
        """;
}
