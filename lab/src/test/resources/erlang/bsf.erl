%% A BSF on Zh (3GPP TS 29.109) built on Erlang/OTP diameter in its default strict mode, for mtcgate's
%% ErlangZhInteropTest. It connects to the HSS over plain TCP, asks for a vector, reads a RAND || AUTS from its
%% standard input and asks again with it (re-synchronisation), then asks for an unknown IMPI. It prints what it
%% decoded and every decode error diameter found.
%%
%% Run: erl -noshell -pa Dir -run bsf main Port Dir Impi
%% Dir holds zh.dia. Output lines are read by the Java test:
%%   CONNECTED
%%   VECTOR rc=C scheme=S authenticate=HEX xres=HEX ck=HEX ik=HEX errors=E
%%   REFUSED rc=C er=X errors=E
%%   DONE
%% Input: one line "RESYNC HEX" (RAND || AUTS, 30 octets) after the first VECTOR.
-module(bsf).
-export([main/1]).
-export([peer_up/3, peer_down/3, pick_peer/4, prepare_request/3, prepare_retransmit/3,
         handle_answer/4, handle_error/4, handle_request/3]).

-include_lib("diameter/include/diameter.hrl").

-define(SVC, bsf).
-define(HOST, "bsf.operator.test").
-define(REALM, "operator.test").
-define(ZH, 16777221).

main([PortText, Dir, Impi]) ->
    try run(list_to_integer(PortText), Dir, list_to_binary(Impi)) of
        ok -> out("DONE"), halt(0)
    catch
        C:E:St -> out(io_lib:format("FAILED ~w:~w ~w", [C, E, St])), halt(1)
    end.

run(Port, Dir, Impi) ->
    ok = diameter_make:codec(filename:join(Dir, "zh.dia"), [{outdir, Dir}]),
    {ok, zh_dict} = compile:file(filename:join(Dir, "zh_dict.erl"), [{outdir, Dir}, return_errors]),
    true = code:add_patha(Dir),
    {module, zh_dict} = code:load_file(zh_dict),
    ok = diameter:start(),
    ok = diameter:start_service(?SVC,
        [{'Origin-Host', ?HOST}, {'Origin-Realm', ?REALM}, {'Vendor-Id', 10415}, {'Product-Name', "erlang-otp-bsf"},
         {'Host-IP-Address', [{127,0,0,1}]},
         {'Vendor-Specific-Application-Id', [[{'Vendor-Id', 10415}, {'Auth-Application-Id', [?ZH]}]]},
         {decode_format, map}, {string_decode, false},
         {application, [{alias, zh}, {dictionary, zh_dict}, {module, ?MODULE},
                        {answer_errors, callback}, {request_errors, callback}]}]),
    true = diameter:subscribe(?SVC),
    {ok, _} = diameter:add_transport(?SVC,
        {connect, [{transport_module, diameter_tcp},
                   {transport_config, [{raddr, {127,0,0,1}}, {rport, Port}]},
                   {connect_timer, 2000}]}),
    receive
        #diameter_event{service = ?SVC, info = {up, _, _, _, _}} -> ok;
        #diameter_event{service = ?SVC, info = {up, _, _, _}} -> ok
    after 20000 -> exit(no_connection)
    end,
    out("CONNECTED"),
    mar(Impi, []),
    "RESYNC " ++ Hex = string:trim(io:get_line("")),
    Item = [{'SIP-Authentication-Scheme', [<<"Digest-AKAv1-MD5">>]},
            {'SIP-Authorization', [binary:decode_hex(list_to_binary(Hex))]}],
    mar(Impi, [{'SIP-Auth-Data-Item', [Item]}]),
    mar(<<"nobody@ims.operator.test">>, []),
    diameter:stop_service(?SVC),
    ok.

mar(Impi, More) ->
    Mar = ['MAR', {'Session-Id', diameter:session_id(?HOST)},
           {'Vendor-Specific-Application-Id', [{'Vendor-Id', 10415}, {'Auth-Application-Id', [?ZH]}]},
           {'Auth-Session-State', 1}, {'Origin-Host', ?HOST}, {'Origin-Realm', ?REALM},
           {'Destination-Realm', ?REALM}, {'User-Name', [Impi]} | More],
    case diameter:call(?SVC, zh, Mar, [{timeout, 10000}]) of
        #diameter_packet{msg = ['MAA' | Maa], errors = Errors} ->
            case maps:get('SIP-Auth-Data-Item', Maa, []) of
                [Item] ->
                    out(io_lib:format("VECTOR rc=~p scheme=~s authenticate=~s xres=~s ck=~s ik=~s errors=~w",
                        [one(maps:get('Result-Code', Maa, none)), one(maps:get('SIP-Authentication-Scheme', Item, none)),
                         hex(Item, 'SIP-Authenticate'), hex(Item, 'SIP-Authorization'),
                         hex(Item, 'Confidentiality-Key'), hex(Item, 'Integrity-Key'), Errors]));
                [] ->
                    Er = case maps:get('Experimental-Result', Maa, []) of
                             [E] -> maps:get('Experimental-Result-Code', E);
                             [] -> none
                         end,
                    out(io_lib:format("REFUSED rc=~p er=~p errors=~w",
                        [one(maps:get('Result-Code', Maa, none)), Er, Errors]))
            end;
        Other ->
            out(io_lib:format("MAA failed ~p", [Other]))
    end.

hex(Map, Key) ->
    string:lowercase(binary_to_list(binary:encode_hex(one(maps:get(Key, Map, [<<>>]))))).

one([X]) -> X;
one(X) -> X.

out(Line) ->
    io:format("~s~n", [Line]).

%% ---- diameter_app callbacks ----

peer_up(_Svc, _Peer, State) -> State.
peer_down(_Svc, _Peer, State) -> State.
pick_peer([Peer | _], _, _Svc, _State) -> {ok, Peer};
pick_peer([], _, _Svc, _State) -> false.
prepare_request(Packet, _Svc, _Peer) -> {send, Packet}.
prepare_retransmit(Packet, _Svc, _Peer) -> {send, Packet}.
handle_answer(Packet, _Request, _Svc, _Peer) -> Packet.
handle_error(Reason, _Request, _Svc, _Peer) -> {error, Reason}.

handle_request(#diameter_packet{msg = Msg}, _Svc, _Peer) ->
    out(io_lib:format("UNEXPECTED request ~p", [Msg])),
    {answer_message, 3001}.
